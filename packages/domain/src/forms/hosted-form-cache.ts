import type { Db } from "@gw/db";
import { BRANDING_SELECT, logoOf } from "../branding/get-form-branding";
import { DomainError } from "../errors/index";
import type { FormDefinition } from "./form-definition";
import { getForm } from "./get-form";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ENTRIES = 1_000;

/** A form with the account settings its submissions need. */
export interface HostedForm extends FormDefinition {
  /** The account's registrant source template; null: the built-in default. */
  sourceTemplate: string | null;
  /** How the page looks and who may frame it (the account's branding). */
  branding: HostedBranding;
}

export interface HostedBranding {
  /** The account's name: the logo's text alternative. */
  accountName: string;
  /** The logo's address: an https URL, or the form's own /f/:id/logo for an upload. */
  logoUrl: string | null;
  accentColor: string | null;
  backgroundColor: string | null;
  footerText: string | null;
  /** Origins that may frame the page; empty: any. */
  frameAncestors: string[];
}

export interface HostedFormCache {
  /** The open form at this id: NOT_FOUND for no such form (or not an id), GONE for an archived one. */
  load(formId: string): Promise<HostedForm>;
}

/**
 * The hosted forms' definitions, read once per `ttlMs` per form rather than once per request:
 * under a burst of people on one form, the connection pool is what the burst waits on. An edit or
 * archive shows within `ttlMs`. One per process.
 */
export function createHostedFormCache(options: { db: Db; ttlMs?: number; now?: () => number }): HostedFormCache {
  const ttlMs = options.ttlMs ?? 2_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { form: HostedForm; until: number }>();
  const notFound = () => new DomainError("NOT_FOUND", "There is no form at this address. Check the link you followed.");
  return {
    async load(formId) {
      if (!UUID.test(formId)) throw notFound();
      const cached = cache.get(formId);
      let form = cached && cached.until > now() ? cached.form : undefined;
      if (!form) {
        try {
          const definition = await getForm({ db: options.db, formId });
          const account = await options.db.account.findUnique({
            where: { id: definition.accountId },
            select: { name: true, registrantSourceTemplate: true, formBranding: { select: BRANDING_SELECT } },
          });
          const branding = account?.formBranding ?? null;
          form = {
            ...definition,
            sourceTemplate: account?.registrantSourceTemplate ?? null,
            branding: {
              accountName: account?.name ?? "",
              logoUrl: logoOf(branding, definition.id)?.url ?? null,
              accentColor: branding?.accentColor ?? null,
              backgroundColor: branding?.backgroundColor ?? null,
              footerText: branding?.footerText ?? null,
              frameAncestors: branding?.frameAncestors ?? [],
            },
          };
        } catch (error) {
          if (error instanceof DomainError && error.code === "NOT_FOUND") throw notFound();
          throw error;
        }
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(formId, { form, until: now() + ttlMs });
      }
      if (form.archivedAt)
        throw new DomainError("GONE", "This form no longer accepts submissions. Thank you for your interest.");
      return form;
    },
  };
}
