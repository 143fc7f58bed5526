import type { Db } from "@gw/db";
import { invalid } from "../errors/index";
import { DEFAULT_SOURCE_TEMPLATE, SOURCE_PLACEHOLDERS, sourceTemplateProblem } from "../forms/source-label";

export interface RegistrantSourceSetting {
  /** The template in use: the account's own, or the built-in default. */
  template: string;
  isDefault: boolean;
  defaultTemplate: string;
  placeholders: string[];
}

const settingOf = (template: string | null): RegistrantSourceSetting => ({
  template: template ?? DEFAULT_SOURCE_TEMPLATE,
  isDefault: template === null,
  defaultTemplate: DEFAULT_SOURCE_TEMPLATE,
  placeholders: [...SOURCE_PLACEHOLDERS],
});

export async function getRegistrantSourceTemplate(options: {
  db: Db;
  accountId: string;
}): Promise<RegistrantSourceSetting> {
  const row = await options.db.account.findUnique({
    where: { id: options.accountId },
    select: { registrantSourceTemplate: true },
  });
  return settingOf(row?.registrantSourceTemplate ?? null);
}

/** Sets how form registrations name their source to GoTo; null goes back to the built-in default. */
export async function setRegistrantSourceTemplate(options: {
  db: Db;
  accountId: string;
  template: string | null;
}): Promise<RegistrantSourceSetting> {
  const template = options.template?.trim() ?? null;
  if (template !== null) {
    const problem = sourceTemplateProblem(template);
    if (problem) throw invalid("template", problem, template);
  }
  const stored = template === DEFAULT_SOURCE_TEMPLATE ? null : template;
  await options.db.account.update({
    where: { id: options.accountId },
    data: { registrantSourceTemplate: stored },
  });
  return settingOf(stored);
}
