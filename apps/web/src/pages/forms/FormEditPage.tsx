import { lazy, type ReactNode, Suspense } from "react";
import { useParams } from "react-router-dom";
import { Card, PageHeader } from "../../components/Layout";
import { LoadingState, QueryView } from "../../components/States";
import { useFormEditor } from "./use-form-editor";

// Zod, react-hook-form and the form schemas weigh more than the rest of a page: they come in
// their own chunk, fetched when a form is opened, not with every other page.
const FormEditor = lazy(() => import("./FormEditor").then((module) => ({ default: module.FormEditor })));

/** Create or edit a form: fields, completion actions, thank-you or redirect; link and preview. */
export function FormEditPage() {
  const { id } = useParams();
  const data = useFormEditor(id);
  const { form } = data;
  const inCard = (body: ReactNode) => (
    <>
      <PageHeader title="Form" breadcrumbs={[{ label: "Forms", to: "/forms" }]} />
      <Card>{body}</Card>
    </>
  );
  // A new form (no id) asks for nothing: its editor opens at once.
  if (form.error || (id && !form.data)) return inCard(<QueryView query={form} />);
  return (
    <Suspense fallback={inCard(<LoadingState />)}>
      <FormEditor id={id} data={data} />
    </Suspense>
  );
}
