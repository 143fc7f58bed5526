import type { Page, Rule, RuleBody, RulePreview, RuleRun, RuleRunSummary, WebinarOptions } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage, patch, post, postRead } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";
import { formatNumber } from "../../lib/format";
import { emptyCriteria } from "../segments/CriteriaBuilder";
import { useCriteriaOptions } from "../segments/use-criteria-options";

/** The rules list, a page at a time. */
export function useRulesList() {
  const [page, setPage] = useState(1);
  const rules = useApi<Page<Rule>>("/api/rules", { page, pageSize: 50 });
  return { rules, setPage };
}

/**
 * A rule being created (`id` undefined) or edited: the options its pickers offer, the saved rule,
 * the draft under edit and its save. A new rule's draft waits for the options, an existing one's
 * follows the saved rule (so it is reset after a save).
 */
export function useRuleEditor(id: string | undefined) {
  const isNew = id === undefined;
  const navigate = useNavigate();
  const toast = useToast();
  const options = useCriteriaOptions();
  const upcoming = useApi<WebinarOptions>("/api/forms/webinar-options");
  const existing = useApi<Rule>(isNew ? null : `/api/rules/${id}`);
  const [draft, setDraft] = useState<RuleBody | null>(null);

  useEffect(() => {
    if (existing.data) {
      const { name, criteria, actions, repeat } = existing.data;
      setDraft({ name, criteria, actions, repeat });
    }
  }, [existing.data]);
  useEffect(() => {
    // A draft made before the webinars arrive would start as "any webinar" and stay so.
    if (isNew && draft === null && options.loaded)
      setDraft({ name: "", criteria: emptyCriteria(options), actions: [{ type: "ADD_TAG", tag: "" }], repeat: false });
  }, [isNew, draft, options]);

  const save = useMutation({
    mutationFn: (body: RuleBody) => (isNew ? post<Rule>("/api/rules", body) : patch<Rule>(`/api/rules/${id}`, body)),
    onSuccess: (saved) => {
      toast.success(isNew ? `Rule “${saved.name}” saved as a draft: preview it, then turn it on.` : "Rule saved.");
      if (isNew) navigate(`/rules/${saved.id}`);
      else existing.reload();
    },
  });

  return { isNew, options, upcoming: upcoming.data?.webinars ?? [], existing, draft, setDraft, save };
}

/**
 * A saved rule's (none yet: nothing is read) log and its preview, pause and enable. The last preview stays shown while the next
 * one runs; a refusal is a toast. Every accepted change invalidates the cache (`createQueryClient`),
 * so the rule and its log are read again after a pause or an enable.
 */
export function useRuleControls(rule: Rule | undefined) {
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [preview, setPreview] = useState<RulePreview>();
  const base = `/api/rules/${rule?.id}`;
  const runs = useApi<Page<RuleRun>>(rule ? `${base}/runs` : null, { page, pageSize: 25 });
  const onError = (error: Error) => toast.error(errorMessage(error));
  const previewing = useMutation({
    mutationFn: () => postRead<RulePreview>(`${base}/preview`, { sampleSize: 10 }),
    onSuccess: setPreview,
    onError,
  });
  const pausing = useMutation({
    mutationFn: () => post(`${base}/pause`),
    onSuccess: () => toast.success("Rule paused."),
    onError,
  });
  const enabling = useMutation({
    // Whether it resumes a paused rule is told at the click: the rule is read again before the answer is shown.
    mutationFn: (_resuming: boolean) => post<RuleRunSummary>(`${base}/enable`),
    onSuccess: (summary, resuming) =>
      toast.success(
        `Rule ${resuming ? "resumed" : "turned on"}: ran on ${formatNumber(summary.acted)} of ${formatNumber(summary.matched)} matching prospects.`,
      ),
    onError,
  });
  return { runs, setPage, preview, previewing, pausing, enabling };
}
