import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { editorPath, errorAt, formBody, formEditorSchema, serverErrorsOf } from "./form-editor-schema";
import { type EditorValues, editorValuesOf } from "./form-model";

const WEBINAR = "6f1c1c0e-1b7a-4c56-9d7e-0a4c8a3b2f10";
const newForm = (change: Partial<EditorValues> = {}): EditorValues => ({ ...editorValuesOf(undefined), ...change });
const issuesOf = (values: EditorValues) => {
  const result = formEditorSchema.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the form editor's schema", () => {
  it("sends the included fields, with e-mail and names forced on and required once the form registers", () => {
    const values = newForm({ completionActions: [{ type: "REGISTER_WEBINAR", webinarId: WEBINAR }] });
    values.fields = values.fields.map((f) => (f.name === "lastName" ? { ...f, included: false, required: false } : f));
    const body = formBody(values);
    expect(body.fields.map((f) => [f.name, f.required])).toEqual([
      ["email", true],
      ["firstName", true],
      ["lastName", true],
      ["organization", false],
    ]);
    expect(body.thankYouMessage).toMatch(/^Thank you/);
    expect(body.redirectUrl).toBeNull();
    expect(formEditorSchema.safeParse(values)).toEqual({ success: true, data: body });
  });

  it("refuses what the route refuses, at the editor's own row of a field and in words for a marketer", () => {
    const values = newForm({
      name: "  ",
      completionActions: [
        { type: "REGISTER_WEBINAR", webinarId: "" },
        { type: "ADD_TO_LIST", list: "" },
        { type: "ADJUST_SCORE", points: 0 },
      ],
      finish: "redirect",
      redirectUrl: "ftp://example.com/x",
    });
    // Job title (row 4) is the body's fifth field: organization, a row before it, is included.
    values.fields = values.fields.map((f) => (f.name === "jobTitle" ? { ...f, included: true, label: "" } : f));
    expect(issuesOf(values)).toEqual({
      name: "must not be empty",
      "fields.4.label": "must not be empty",
      "completionActions.0.webinarId": "Choose a webinar",
      "completionActions.1.list": "must not be empty",
      "completionActions.2.points": "must not be 0",
      redirectUrl: "must be an http(s) URL",
    });
  });

  it("checks only the ending chosen: an empty thank-you message is sent as none", () => {
    const values = newForm({ thankYouMessage: " ", redirectUrl: "not a url" });
    expect(issuesOf(values)).toEqual({});
    expect(formBody(values).thankYouMessage).toBeNull();
  });

  it("puts the API's refusals at the editor's fields, body-prefixed or named by a rule", () => {
    const values = newForm();
    values.fields = values.fields.map((f) => (f.name === "city" ? { ...f, included: true } : f));
    const refusal = new ApiError(400, "refused", {
      fields: [
        { field: "body.fields.4.label", message: "too long" },
        { field: "completionActions.0.list", message: "taken" },
        { field: "redirectUrl", message: "not an allowed domain" },
      ],
    });
    expect(serverErrorsOf(refusal, values)).toEqual([
      ["fields.7.label", "too long"],
      ["completionActions.0.list", "taken"],
      ["redirectUrl", "not an allowed domain"],
    ]);
    expect(editorPath(["fields", 9], values)).toBe("fields.9");
  });

  it("finds the first message at a path or below it", () => {
    const errors = { completionActions: [undefined, { list: { type: "server", message: "taken" } }] } as never;
    expect(errorAt(errors, "completionActions.1")).toBe("taken");
    expect(errorAt(errors, "completionActions")).toBe("taken");
    expect(errorAt(errors, "completionActions.0")).toBeUndefined();
    expect(errorAt(errors, "name")).toBeUndefined();
  });
});
