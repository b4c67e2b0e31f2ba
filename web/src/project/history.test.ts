import { describe, expect, it } from "vitest";
import { projectMessages } from "../i18n/project";
import { describeChange } from "./History";
import type { PlanHistoryEntry } from "./versionsApi";

const entry = (patch: Partial<PlanHistoryEntry>): PlanHistoryEntry => ({
  version: 7,
  kind: "task",
  entityId: "t1",
  change: "set",
  field: "status",
  value: "done",
  userId: "awa.ndiaye@example.org",
  displayName: "Awa Ndiaye",
  at: "2026-11-29T12:00:00+00:00",
  ...patch,
});

describe("history lines", () => {
  const milestones = new Map([["foire", "Foire de Kaolack"]]);
  it("says who changed what, with the labels people read", () => {
    const fr = projectMessages.fr;
    expect(describeChange(fr, entry({}), milestones)).toBe("Awa Ndiaye a changé le statut : « Fait »");
    expect(describeChange(fr, entry({ field: "milestoneId", value: "foire" }), milestones)).toBe("Awa Ndiaye a changé le jalon : « Foire de Kaolack »");
    expect(describeChange(fr, entry({ kind: "milestone", field: "ownerRegion", value: "oriental" }), milestones)).toBe("Awa Ndiaye a changé la région responsable : « Oriental »");
    expect(describeChange(fr, entry({ field: "assignee", value: null }), milestones)).toBe("Awa Ndiaye a effacé le ou la responsable");
    expect(describeChange(fr, entry({ change: "text", field: "notes", value: null }), milestones)).toBe("Awa Ndiaye a modifié les notes");
    expect(describeChange(projectMessages.en, entry({ change: "add", field: null, value: null, displayName: "" }), milestones)).toBe("awa.ndiaye@example.org created it");
  });
});
