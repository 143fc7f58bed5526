import type { FormInput } from "@gw/api-contract";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useMe } from "../../auth/AuthProvider";
import { Button, buttonClass } from "../../components/Button";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/Layout";
import { Alert } from "../../components/States";
import { useToast } from "../../components/Toast";
import { FormActionsCard } from "./FormActionsCard";
import { FormConsentsCard } from "./FormConsentsCard";
import { FormDetailsCard } from "./FormDetailsCard";
import { FormEmbedCard } from "./FormEmbedCard";
import { FormFieldsCard } from "./FormFieldsCard";
import { FormFinishCard } from "./FormFinishCard";
import { FormPreviewCard } from "./FormPreviewCard";
import { FormShareCard } from "./FormShareCard";
import { formEditorSchema, serverErrorsOf } from "./form-editor-schema";
import { type EditorValues, editorValuesOf } from "./form-model";
import type { FormEditorData } from "./use-form-editor";

// The editor's chunk: react-hook-form, Zod and the contract's form schemas load with it alone.
const resolver = zodResolver(formEditorSchema);

/** The editor of a loaded (or new) form: react-hook-form state checked by the route's schema, and its sections. */
export function FormEditor({ id, data }: { id: string | undefined; data: FormEditorData }) {
  const isNew = !id;
  const navigate = useNavigate();
  const toast = useToast();
  const isAdmin = useMe().user.role === "ADMIN";
  const editor = useForm<EditorValues, unknown, FormInput>({
    resolver,
    defaultValues: editorValuesOf(data.form.data),
  });
  const { reset, getValues, setValue, setError, control } = editor;
  const [previewVersion, setPreviewVersion] = useState(0);
  const [refused, setRefused] = useState<string>();
  const page = useRef<HTMLDivElement>(null);

  // The saved form is the editor's new starting point (after a save, or when another tab changed it).
  const saved = data.form.data;
  useEffect(() => {
    if (saved) reset(editorValuesOf(saved));
  }, [saved, reset]);

  // A register action added before the upcoming webinars arrived has none chosen, while its
  // picker would show the first one once they do: choose that one, as adding it later would.
  const firstWebinarId = data.webinars[0]?.id;
  useEffect(() => {
    if (!firstWebinarId) return;
    getValues("completionActions").forEach((action, index) => {
      if (action.type === "REGISTER_WEBINAR" && !action.webinarId)
        setValue(`completionActions.${index}`, { ...action, webinarId: firstWebinarId });
    });
  }, [firstWebinarId, getValues, setValue]);

  const name = useWatch({ control, name: "name" });

  // After a refusal, focus goes to the first field marked invalid. The sections render their marks
  // in their own updates, so look for one over the next few frames.
  const focusFirstError = (frames = 10) =>
    requestAnimationFrame(() => {
      const marked = page.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (marked) marked.focus();
      else if (frames > 1) focusFirstError(frames - 1);
    });

  const submit = editor.handleSubmit(
    async (body) => {
      setRefused(undefined);
      try {
        const form = await data.save.mutateAsync(body);
        toast.success(
          isNew ? `“${form.name}” created. Share its link to start taking registrations.` : `“${form.name}” saved.`,
        );
        if (isNew) navigate(`/forms/${form.id}`, { replace: true });
        else setPreviewVersion((v) => v + 1);
      } catch (caught) {
        setRefused(caught instanceof Error ? caught.message : String(caught));
        // The API names the fields at fault as the editor's own check would: show them there.
        if (caught instanceof ApiError) {
          for (const [path, message] of serverErrorsOf(caught, getValues()))
            setError(path as Parameters<typeof setError>[0], { type: "server", message });
          focusFirstError();
        }
      }
    },
    () => {
      setRefused("Correct the fields marked below.");
      focusFirstError();
    },
  );

  return (
    <FormProvider {...editor}>
      <div ref={page}>
        <PageHeader
          title={isNew ? "New form" : name}
          breadcrumbs={[{ label: "Forms", to: "/forms" }, { label: isNew ? "New" : name }]}
          actions={
            <>
              {id ? (
                <a className={buttonClass("secondary")} href={`/f/${id}`} target="_blank" rel="noreferrer">
                  <Icon name="external" /> Open hosted page
                </a>
              ) : null}
              <Button
                variant="primary"
                icon="check"
                loading={editor.formState.isSubmitting}
                onClick={() => void submit()}
              >
                {isNew ? "Create form" : "Save form"}
              </Button>
            </>
          }
        />
        {refused ? (
          <Alert tone="danger" title="The form was not saved">
            {refused}
          </Alert>
        ) : null}

        <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 1.25fr) minmax(0, 1fr)" }}>
          <div className="stack" style={{ gap: 20 }}>
            <FormDetailsCard />
            <FormFieldsCard />
            <FormActionsCard webinars={data.webinars} webinarsLoading={data.webinarsLoading} lists={data.lists} />
            <FormConsentsCard />
            <FormFinishCard
              redirectDomains={data.redirectDomains.data}
              isAdmin={isAdmin}
              onDomainsSaved={data.redirectDomains.reload}
            />
          </div>
          <div className="stack" style={{ gap: 20 }}>
            {id ? <FormShareCard formId={id} /> : null}
            {id ? <FormEmbedCard formId={id} name={name} /> : null}
            <FormPreviewCard formId={id} name={name} version={previewVersion} />
          </div>
        </div>
      </div>
    </FormProvider>
  );
}
