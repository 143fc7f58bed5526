import { Card } from "../../components/Layout";

/**
 * The hosted page as visitors see it, to look at: inert, so its own <main> landmark and its fields
 * stay out of the editor's Tab order and accessibility tree; the sentence beside it says what it
 * shows and where to try the page. `version` reloads it after a save.
 */
export function FormPreviewCard({
  formId,
  name,
  version,
}: {
  formId: string | undefined;
  name: string;
  version: number;
}) {
  return (
    <Card title="Preview" id="preview">
      <div className="card-body">
        {formId ? (
          <>
            <p className="sr-only">
              A picture of the hosted page as visitors see it, not part of this page. Open the hosted page to try it.
            </p>
            <div inert>
              {/* ?preview: the editor looking at its form is not a view. */}
              <iframe
                key={version}
                className="preview-frame"
                src={`/f/${formId}?preview=1`}
                title={`Preview of ${name}`}
              />
            </div>
          </>
        ) : (
          <p className="muted">Create the form to preview its hosted page.</p>
        )}
      </div>
    </Card>
  );
}
