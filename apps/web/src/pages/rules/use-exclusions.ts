import type { ExclusionRule, ExclusionRules, ExclusionsApplied } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { put } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";
import { formatNumber } from "../../lib/format";

/**
 * The exclusion rules and saving them. An accepted save invalidates the cached answers
 * (`createQueryClient`), so the rules are read again; a refusal stays the mutation's error, for the
 * page to show above its button.
 */
export function useExclusions() {
  const toast = useToast();
  const current = useApi<ExclusionRules>("/api/exclusions");
  const save = useMutation({
    mutationFn: (rules: ExclusionRule[]) => put<ExclusionsApplied>("/api/exclusions", { rules }),
    onSuccess: (applied) => {
      // Staff of webinars no sync reads again are fetched from GoTo in the background: say so,
      // or a marketer would wonder why a panelist of a past webinar is not filtered yet.
      const fetching =
        applied.staffWebinarsQueued > 0
          ? ` Reading the panelists and co-organizers of ${formatNumber(applied.staffWebinarsQueued)} past webinars from GoTo: they are filtered as GoTo answers.`
          : "";
      toast.success(
        `Saved. ${formatNumber(applied.filteredByRules)} prospects filtered by these rules (${formatNumber(applied.newlyFiltered)} newly, ${formatNumber(applied.released)} released).${fetching}`,
      );
    },
  });
  return { current, save };
}
