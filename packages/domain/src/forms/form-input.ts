// What an API caller sends to create or replace a form: its schema is the API contract's.
export type { FormInput, ParsedFormInput } from "@gw/api-contract";
