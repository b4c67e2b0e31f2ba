import type { ProjectMessages } from "../i18n/project";
import type { PlanEntity } from "../plan/types";

/** What people call an entity: its heading or title, or "la tâche sans titre". */
export function entityTitle(entity: PlanEntity, t: ProjectMessages): string {
  const title = (entity.kind === "section" ? entity.fields["heading"] : entity.fields["title"])?.trim() ?? "";
  return title !== "" ? title : t.plan.untitled(entity.kind);
}

/** The entity with its kind, for button labels: "la tâche « Presse à huile »". */
export function entityLabel(entity: PlanEntity, t: ProjectMessages): string {
  const title = (entity.kind === "section" ? entity.fields["heading"] : entity.fields["title"])?.trim() ?? "";
  return title !== "" ? t.plan.entity(entity.kind, title) : t.plan.untitled(entity.kind);
}
