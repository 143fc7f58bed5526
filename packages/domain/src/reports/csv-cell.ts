/**
 * A cell a spreadsheet will not run as a formula: values starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before looking) get a leading apostrophe.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
