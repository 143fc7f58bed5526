import { DomainError } from "../errors/index";

/** Dynamic lists' members follow their criteria: nobody adds or removes them by hand. */
export function assertStaticList(list: { kind: "STATIC" | "DYNAMIC"; name?: string }, field = "listId"): void {
  if (list.kind === "DYNAMIC") {
    throw new DomainError(
      "CONFLICT",
      `${list.name ? `"${list.name}" is` : "This is"} a dynamic list: its members follow its criteria and cannot be added or removed by hand; use a static list`,
      { field },
    );
  }
}
