import { useCallback } from "react";
import { type Path, type PathValue, useController, useFormContext, useFormState } from "react-hook-form";
import { errorAt } from "./form-editor-schema";
import type { EditorValues } from "./form-model";

/**
 * One value of the form editor, bound for a controlled input (`value`, `onChange`, `onBlur`, `name`),
 * with the message of the client's or the API's refusal at it or below it.
 */
export function useEditorField<N extends Path<EditorValues>>(name: N) {
  const { field } = useController<EditorValues, N>({ name });
  const { errors } = useFormState<EditorValues>({ name });
  const { ref: _, ...input } = field;
  return { input, error: errorAt(errors, name) };
}

/**
 * Replaces one value (a whole completion action, say) as typing does: marked dirty, and checked
 * again once the form was submitted. (A field array's `update` would remount the row and lose focus.)
 */
export function useSetEditorValue() {
  const { setValue, formState } = useFormContext<EditorValues>();
  const submitted = formState.isSubmitted;
  return useCallback(
    <N extends Path<EditorValues>>(name: N, value: PathValue<EditorValues, N>) =>
      setValue(name, value, { shouldDirty: true, shouldValidate: submitted }),
    [setValue, submitted],
  );
}
