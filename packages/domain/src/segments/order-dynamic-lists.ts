import { invalid } from "../errors/index";
import { referencedListIds } from "./compile-criteria";
import type { Criteria } from "./criteria";

export interface DynamicListCriteria {
  id: string;
  name: string;
  criteria: Criteria;
}

/**
 * Dynamic lists in an order where each comes after the lists its criteria use ("on list L"),
 * so one pass leaves every list current. Throws (400) when `changedId`'s criteria would make a
 * cycle: a list that, through others, depends on itself could never settle.
 */
export function orderDynamicLists<T extends DynamicListCriteria>(lists: T[], changedId?: string): T[] {
  const byId = new Map(lists.map((l) => [l.id, l]));
  const ordered: T[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (list: T, trail: string[]) => {
    const seen = state.get(list.id);
    if (seen === "done") return;
    if (seen === "visiting") {
      const names = [...trail.slice(trail.indexOf(list.id)), list.id].map((id) => `“${byId.get(id)?.name}”`);
      throw invalid("criteria", `These lists would depend on each other in a circle: ${names.join(" → ")}`, changedId);
    }
    state.set(list.id, "visiting");
    for (const used of referencedListIds(list.criteria)) {
      const dependency = byId.get(used);
      if (dependency) visit(dependency, [...trail, list.id]);
    }
    state.set(list.id, "done");
    ordered.push(list);
  };
  const changed = changedId ? byId.get(changedId) : undefined;
  if (changed) visit(changed, []);
  for (const list of lists) visit(list, []);
  return ordered;
}
