import type {
  CampaignList,
  Criteria,
  FormList,
  List,
  Page,
  SegmentPreview,
  Tag,
  WebinarOptions,
  WebinarReportRow,
} from "@gw/api-contract";
import { useEffect, useState } from "react";
import { postRead } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useDebounced } from "../../lib/use-search-state";

/** Names and ids the pickers offer, loaded once per builder. */
export interface CriteriaOptions {
  webinars: { id: string; subject: string; startsAt: string }[];
  connectors: { id: string; name: string }[];
  lists: { id: string; name: string; kind: string }[];
  tags: { id: string; name: string }[];
  forms: { id: string; name: string }[];
  campaigns: { id: string; name: string }[];
  /** Every option list has answered (or failed): a new draft's defaults can be taken from them. */
  loaded: boolean;
}

export function useCriteriaOptions(): CriteriaOptions {
  const webinars = useApi<Page<WebinarReportRow>>("/api/reports/webinars", { pageSize: 200, sort: "startsAt" });
  // The report answers one tab at a time: without this, "attended X" could not name a past webinar.
  const finished = useApi<Page<WebinarReportRow>>("/api/reports/webinars", {
    tab: "finished",
    pageSize: 200,
    sort: "startsAt",
    order: "desc",
  });
  const upcoming = useApi<WebinarOptions>("/api/forms/webinar-options");
  const lists = useApi<Page<List>>("/api/lists", { pageSize: 200 });
  const tags = useApi<Page<Tag>>("/api/tags", { pageSize: 200 });
  const forms = useApi<FormList>("/api/forms", { limit: 200 });
  const campaigns = useApi<CampaignList>("/api/campaigns");
  const connectors = new Map<string, { id: string; name: string }>();
  for (const w of upcoming.data?.webinars ?? []) connectors.set(w.connector.id, w.connector);
  const reported = [...(webinars.data?.items ?? []), ...(finished.data?.items ?? [])];
  for (const w of reported) connectors.set(w.connector.id, w.connector);
  const byId = new Map<string, { id: string; subject: string; startsAt: string }>();
  for (const w of [...reported, ...(upcoming.data?.webinars ?? [])]) byId.set(w.id, w);
  return {
    webinars: [...byId.values()].sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    connectors: [...connectors.values()],
    lists: lists.data?.items ?? [],
    tags: tags.data?.items ?? [],
    forms: (forms.data?.forms ?? []).map((f) => ({ id: f.id, name: f.name })),
    campaigns: campaigns.data?.items ?? [],
    loaded: [webinars, finished, upcoming, lists, tags, forms, campaigns].every(
      (q) => q.data !== undefined || q.error !== undefined,
    ),
  };
}

export interface CriteriaPreview {
  result?: SegmentPreview;
  /** The API's refusal (`explainError` names the condition at fault). */
  error?: unknown;
  busy: boolean;
}

/**
 * The live match count of criteria being edited: asked 400 ms after the last edit; the last answer
 * stays shown while the next is asked, and an answer to criteria since changed is dropped. A POST
 * (the criteria do not fit a URL) but a read (`postRead`: it refetches nothing), so not a
 * mutation with its pending state per call.
 */
export function useCriteriaPreview(value: Criteria): CriteriaPreview {
  const criteria = useDebounced(value, 400);
  const [preview, setPreview] = useState<CriteriaPreview>({ busy: true });
  useEffect(() => {
    let current = true;
    setPreview((p) => ({ ...p, busy: true }));
    postRead<SegmentPreview>("/api/segments/preview", { criteria, sampleSize: 5 }).then(
      (result) => current && setPreview({ result, busy: false }),
      (error) => current && setPreview({ error, busy: false }),
    );
    return () => {
      current = false;
    };
  }, [criteria]);
  return preview;
}
