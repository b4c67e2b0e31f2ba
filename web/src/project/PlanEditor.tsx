// The plan of a project, edited live: sections (heading + text), milestones and tasks tables.
// Every control is read-only for those who may not edit (the server refuses their ops anyway).
// The same editor, sections only, serves a workshop's shared notes (a plan document that is not a project's).

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useMessages } from "../i18n/language";
import { projectMessages, type ProjectMessages } from "../i18n/project";
import { keyBetween } from "../plan/fractionalIndex";
import { newEntityId } from "../plan/planClient";
import { entitiesOf, fieldValue } from "../plan/planDoc";
import type { PresenceEntry } from "../plan/presence";
import type { PlanEntity, PlanEntityKind } from "../plan/types";
import { entityLabel, entityTitle } from "./entityTitle";
import { HistoryButton } from "./History";
import { Avatar } from "./Presence";
import { ChoiceField, ScalarField } from "./ScalarField";
import { TextBody } from "./TextBody";
import type { PlanWorkspace } from "./usePlanWorkspace";
// Its look travels with it: the workshop page shows it too.
import "./project.css";

interface PlanEditorProps {
  readonly workspace: PlanWorkspace;
  readonly readOnly: boolean;
  readonly slug: string;
  /**
   * Sections only, with these texts: no milestones, tasks or history (history is read from a project), and no
   * heading of its own (the page around it names the notes).
   */
  readonly sectionsOnly?: { readonly empty: string; readonly readOnly: string };
}

export function PlanEditor({ workspace, readOnly, slug, sectionsOnly }: PlanEditorProps) {
  const t = useMessages(projectMessages);
  /** Tasks whose notes are shown. */
  const [notesOpen, setNotesOpen] = useState<ReadonlySet<string>>(new Set());
  const view = workspace.view;
  if (view === null) {
    return (
      <p class="page-loading" role="status">
        {t.plan.loading}
      </p>
    );
  }
  const sections = entitiesOf(view, "section");
  const milestones = entitiesOf(view, "milestone");
  const tasks = entitiesOf(view, "task");
  const milestoneTitles = new Map(milestones.map((m) => [m.id, entityTitle(m, t)]));
  const history = (entity: PlanEntity) => sectionsOnly === undefined && <HistoryButton slug={slug} entity={entity} milestones={milestoneTitles} />;
  const editors = (entity: PlanEntity) => workspace.others.filter((e) => e.kind === entity.kind && e.entityId === entity.id);

  const add = (kind: PlanEntityKind, list: readonly PlanEntity[], fields: Record<string, string>) => {
    const id = newEntityId();
    const order = keyBetween(list[list.length - 1]?.order ?? null, null);
    if (workspace.edit({ type: "add", kind, id, order, fields })) {
      // Straight to its first field, once rendered.
      requestAnimationFrame(() => document.getElementById(`${kind}-${id}-first`)?.focus());
    }
  };

  return (
    <div class="plan">
      {readOnly && (
        <p class="note note--info plan__readonly" role="note">
          <strong>{t.plan.readOnlyTag}</strong> {sectionsOnly?.readOnly ?? t.plan.readOnly}
        </p>
      )}

      <section class="plan__part" aria-labelledby={sectionsOnly === undefined ? "plan-sections" : undefined}>
        {sectionsOnly === undefined && (
          <h3 id="plan-sections" class="plan__title">
            {t.plan.sections}
          </h3>
        )}
        {sections.length === 0 && <p class="muted">{sectionsOnly?.empty ?? t.plan.noSections}</p>}
        {sections.map((section, i) => {
          const heading = entityTitle(section, t);
          const here = editors(section);
          return (
            <article key={section.id} class="plan-section" data-entity={section.id}>
              <div class="plan-section__head">
                <ScalarField
                  id={`section-${section.id}-first`}
                  class="plan-section__heading"
                  label={t.plan.heading}
                  value={fieldValue(section, "heading")}
                  placeholder={t.plan.newSection}
                  readOnly={readOnly}
                  onFocus={() => workspace.focus({ kind: "section", entityId: section.id, field: "heading", cursor: null })}
                  onCommit={(value) => workspace.edit({ type: "set", kind: "section", id: section.id, field: "heading", value })}
                />
                {here.length > 0 && (
                  <span class="plan-section__here">
                    {here.map((e) => (
                      <Avatar key={e.clientId} entry={e} small />
                    ))}
                  </span>
                )}
                {history(section)}
                <RowActions t={t} entity={section} list={sections} index={i} readOnly={readOnly} workspace={workspace} />
              </div>
              <TextBody
                workspace={workspace}
                kind="section"
                id={section.id}
                field="body"
                value={fieldValue(section, "body")}
                label={t.plan.body(heading)}
                readOnly={readOnly}
                carets={here.filter((e) => e.field === "body" && e.cursor !== null)}
              />
            </article>
          );
        })}
        {!readOnly && (
          <button type="button" class="button plan__add" onClick={() => add("section", sections, { heading: t.plan.newSection })}>
            {t.plan.addSection}
          </button>
        )}
      </section>

      {sectionsOnly === undefined && (
        <>
          <section class="plan__part" aria-labelledby="plan-milestones">
            <h3 id="plan-milestones" class="plan__title">
              {t.plan.milestones}
            </h3>
            {milestones.length === 0 ? (
              <p class="muted">{t.plan.noMilestones}</p>
            ) : (
              <PlanTable t={t} columns={[t.plan.columns.title, t.plan.columns.dueDate, t.plan.columns.status, t.plan.columns.ownerRegion]} label={t.plan.milestones}>
                {milestones.map((m, i) => {
                  const cell = (column: string) => t.plan.cell(column, "milestone", i + 1);
                  const set = (field: string) => (value: string) => workspace.edit({ type: "set", kind: "milestone", id: m.id, field, value });
                  const focus = (field: string) => () => workspace.focus({ kind: "milestone", entityId: m.id, field, cursor: null });
                  return (
                    <tr key={m.id} data-entity={m.id} class={editors(m).length > 0 ? "is-edited" : undefined}>
                      <td data-label={t.plan.columns.title}>
                        <ScalarField id={`milestone-${m.id}-first`} label={cell(t.plan.columns.title)} value={fieldValue(m, "title")} placeholder={t.plan.newMilestone} readOnly={readOnly} onCommit={set("title")} onFocus={focus("title")} />
                      </td>
                      <td data-label={t.plan.columns.dueDate}>
                        <ScalarField id={`milestone-${m.id}-dueDate`} type="date" label={cell(t.plan.columns.dueDate)} value={fieldValue(m, "dueDate")} readOnly={readOnly} onCommit={set("dueDate")} onFocus={focus("dueDate")} />
                      </td>
                      <td data-label={t.plan.columns.status}>
                        <ChoiceField id={`milestone-${m.id}-status`} label={cell(t.plan.columns.status)} value={fieldValue(m, "status")} readOnly={readOnly} options={[["", t.plan.none], ...Object.entries(t.plan.milestoneStatus)]} onCommit={set("status")} onFocus={focus("status")} />
                      </td>
                      <td data-label={t.plan.columns.ownerRegion}>
                        <ChoiceField id={`milestone-${m.id}-ownerRegion`} label={cell(t.plan.columns.ownerRegion)} value={fieldValue(m, "ownerRegion")} readOnly={readOnly} options={[["", t.plan.none], ...Object.entries(t.regions)]} onCommit={set("ownerRegion")} onFocus={focus("ownerRegion")} />
                      </td>
                      <td data-label={t.plan.columns.actions} class="plan-table__actions">
                        <span class="cell-actions">
                          <EditedBy entries={editors(m)} />
                          {history(m)}
                          <RowActions t={t} entity={m} list={milestones} index={i} readOnly={readOnly} workspace={workspace} />
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </PlanTable>
            )}
            {!readOnly && (
              <button type="button" class="button plan__add" onClick={() => add("milestone", milestones, { status: "planned" })}>
                {t.plan.addMilestone}
              </button>
            )}
          </section>

          <section class="plan__part" aria-labelledby="plan-tasks">
            <h3 id="plan-tasks" class="plan__title">
              {t.plan.tasks}
            </h3>
            {tasks.length === 0 ? (
              <p class="muted">{t.plan.noTasks}</p>
            ) : (
              <PlanTable t={t} columns={[t.plan.columns.title, t.plan.columns.assignee, t.plan.columns.dueDate, t.plan.columns.status, t.plan.columns.milestone]} label={t.plan.tasks}>
                {tasks.map((task, i) => {
                  const cell = (column: string) => t.plan.cell(column, "task", i + 1);
                  const set = (field: string) => (value: string) => workspace.edit({ type: "set", kind: "task", id: task.id, field, value });
                  const focus = (field: string) => () => workspace.focus({ kind: "task", entityId: task.id, field, cursor: null });
                  const milestoneId = fieldValue(task, "milestoneId");
                  const milestoneOptions: [string, string][] = [["", t.plan.none], ...milestones.map((m): [string, string] => [m.id, entityTitle(m, t)])];
                  // A milestone deleted meanwhile stays listed until the task is changed.
                  if (milestoneId !== "" && !milestones.some((m) => m.id === milestoneId)) milestoneOptions.push([milestoneId, t.plan.none]);
                  const notes = fieldValue(task, "notes");
                  const open = notesOpen.has(task.id);
                  const toggleNotes = () => {
                    const next = new Set(notesOpen);
                    if (open) next.delete(task.id);
                    else next.add(task.id);
                    setNotesOpen(next);
                  };
                  return [
                    <tr key={task.id} data-entity={task.id} class={editors(task).length > 0 ? "is-edited" : undefined}>
                      <td data-label={t.plan.columns.title}>
                        <ScalarField id={`task-${task.id}-first`} label={cell(t.plan.columns.title)} value={fieldValue(task, "title")} placeholder={t.plan.newTask} readOnly={readOnly} onCommit={set("title")} onFocus={focus("title")} />
                      </td>
                      <td data-label={t.plan.columns.assignee}>
                        <ScalarField id={`task-${task.id}-assignee`} label={cell(t.plan.columns.assignee)} value={fieldValue(task, "assignee")} readOnly={readOnly} onCommit={set("assignee")} onFocus={focus("assignee")} />
                      </td>
                      <td data-label={t.plan.columns.dueDate}>
                        <ScalarField id={`task-${task.id}-dueDate`} type="date" label={cell(t.plan.columns.dueDate)} value={fieldValue(task, "dueDate")} readOnly={readOnly} onCommit={set("dueDate")} onFocus={focus("dueDate")} />
                      </td>
                      <td data-label={t.plan.columns.status}>
                        <ChoiceField id={`task-${task.id}-status`} label={cell(t.plan.columns.status)} value={fieldValue(task, "status")} readOnly={readOnly} options={[["", t.plan.none], ...Object.entries(t.plan.taskStatus)]} onCommit={set("status")} onFocus={focus("status")} />
                      </td>
                      <td data-label={t.plan.columns.milestone}>
                        <ChoiceField id={`task-${task.id}-milestone`} label={cell(t.plan.columns.milestone)} value={milestoneId} readOnly={readOnly} options={milestoneOptions} onCommit={set("milestoneId")} onFocus={focus("milestoneId")} />
                      </td>
                      <td data-label={t.plan.columns.actions} class="plan-table__actions">
                        <span class="cell-actions">
                          <EditedBy entries={editors(task)} />
                          {history(task)}
                          <button
                            type="button"
                            class={`notes-toggle${notes !== "" ? " notes-toggle--filled" : ""}`}
                            aria-expanded={open}
                            aria-controls={`notes-${task.id}`}
                            aria-label={t.plan.notesFor(entityLabel(task, t))}
                            onClick={toggleNotes}
                          >
                            {t.plan.notes}
                          </button>
                          <RowActions t={t} entity={task} list={tasks} index={i} readOnly={readOnly} workspace={workspace} />
                        </span>
                      </td>
                    </tr>,
                    open && (
                      <tr key={`${task.id}-notes`} id={`notes-${task.id}`} class="plan-table__notes">
                        <td colSpan={6}>
                          <TextBody
                            workspace={workspace}
                            kind="task"
                            id={task.id}
                            field="notes"
                            value={notes}
                            label={t.plan.notesFor(entityLabel(task, t))}
                            readOnly={readOnly}
                            carets={editors(task).filter((e) => e.field === "notes" && e.cursor !== null)}
                          />
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </PlanTable>
            )}
            {!readOnly && (
              <button type="button" class="button plan__add" onClick={() => add("task", tasks, { status: "todo" })}>
                {t.plan.addTask}
              </button>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function PlanTable({ t, columns, label, children }: { t: ProjectMessages; columns: readonly string[]; label: string; children: ComponentChildren }) {
  return (
    <div class="plan-table__wrap">
      <table class="plan-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t.plan.columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function EditedBy({ entries }: { entries: readonly PresenceEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <span class="edited-by">
      {entries.map((e) => (
        <Avatar key={e.clientId} entry={e} small />
      ))}
      <span class="visually-hidden">{entries.map((e) => e.displayName).join(", ")}</span>
    </span>
  );
}

interface RowActionsProps {
  readonly t: ProjectMessages;
  readonly entity: PlanEntity;
  readonly list: readonly PlanEntity[];
  readonly index: number;
  readonly readOnly: boolean;
  readonly workspace: PlanWorkspace;
}

/** Move up / down (a new order key between the neighbours it goes between) and delete. */
function RowActions({ t, entity, list, index, readOnly, workspace }: RowActionsProps) {
  if (readOnly) return null;
  const what = entityLabel(entity, t);
  const move = (to: number) => {
    // Between the two entities around the target place (the entity itself left out).
    const others = list.filter((e) => e.id !== entity.id);
    const before = others[to - 1]?.order ?? null;
    const after = others[to]?.order ?? null;
    if (before !== null && before === after) return; // equal keys: nothing fits between
    workspace.edit({ type: "move", kind: entity.kind, id: entity.id, order: keyBetween(before, after) });
  };
  return (
    <span class="row-actions">
      <button type="button" class="icon-button" aria-label={t.plan.moveUp(what)} title={t.plan.moveUp(what)} disabled={index === 0} onClick={() => move(index - 1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" class="icon-button" aria-label={t.plan.moveDown(what)} title={t.plan.moveDown(what)} disabled={index === list.length - 1} onClick={() => move(index + 1)}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" class="icon-button icon-button--danger" aria-label={t.plan.remove(what)} title={t.plan.remove(what)} onClick={() => workspace.edit({ type: "delete", kind: entity.kind, id: entity.id })}>
        <span aria-hidden="true">✕</span>
      </button>
    </span>
  );
}
