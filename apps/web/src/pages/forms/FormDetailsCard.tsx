import { TextField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { useEditorField } from "./use-editor-field";

/** The form's name (its title in the app; the hosted page shows it too). */
export function FormDetailsCard() {
  const name = useEditorField("name");
  return (
    <Card title="Basics" id="basics">
      <div className="card-body stack">
        <TextField label="Form name" required {...name.input} error={name.error} />
      </div>
    </Card>
  );
}
