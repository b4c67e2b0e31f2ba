// A project's team tab: members by name and organisation; for owners, inviting by e-mail with a role (the link shown to
// copy, share or scan), the pending invitations (revocable), changing a role and removing a member; anyone may leave.
// The server keeps the last owner (its refusal is said in words); the list is read again whenever the project changes.

import { useEffect, useRef, useState } from "preact/hooks";
import { formErrors } from "../auth/formErrors";
import { isEmail } from "../auth/forms";
import { problemMessage } from "../auth/problem";
import { navigate } from "../router";
import { Field, FormAlert } from "../components/Field";
import { ShareLink } from "../components/ShareLink";
import { useT } from "../i18n";
import { useLanguage, useMessages } from "../i18n/language";
import { manageMessages } from "../i18n/manage";
import { projectMessages } from "../i18n/project";
import type { CurrentUser } from "../types";
import { PROJECT_ROLE_VALUES, type InvitationLink, type JointProject, type ProjectRole, type TeamView } from "../wire/contract";
import { changeMemberRole, fetchTeam, invite, removeMember, revokeInvitation } from "./manageApi";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Owners (and admins) run the team; the server decides the same way. */
export function isProjectOwner(user: CurrentUser, project: JointProject): boolean {
  return user.roles.includes("admin") || project.members.some((m) => same(m.userId, user.email) && m.role === "owner");
}

export function Team({ project, user }: { readonly project: JointProject; readonly user: CurrentUser }) {
  const t = useMessages(projectMessages);
  const common = useT();
  const m = useMessages(manageMessages).team;
  const language = useLanguage();
  const slug = project.meta.slug;
  const owner = isProjectOwner(user, project);
  const [team, setTeam] = useState<TeamView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void fetchTeam(slug).then((result) => {
      if (!live) return;
      if (result.ok) setTeam(result.value);
      else setError(problemMessage(result.problem));
    });
    return () => {
      live = false;
    };
  }, [slug, project.meta.version, reload]);

  const act = async (run: () => Promise<{ readonly ok: boolean; readonly problem?: Parameters<typeof problemMessage>[0] }>, after?: () => void) => {
    const result = await run();
    if (!result.ok && result.problem !== undefined) {
      setError(problemMessage(result.problem));
      alertRef.current?.focus();
      return;
    }
    setError(null);
    setReload((n) => n + 1);
    after?.();
  };

  const day = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long" });

  return (
    <section class="members" aria-labelledby="members-title">
      <h3 id="members-title" class="plan__title">
        {t.members.title}
      </h3>
      <FormAlert messages={error === null ? [] : [error]} alertRef={alertRef} />
      {team === null ? (
        <p class="muted">{common.nav.loading}</p>
      ) : (
        <ul class="members__list">
          {team.members.map((member) => {
            const name = member.displayName === "" ? member.email : member.displayName;
            const me = same(member.email, user.email);
            return (
              <li key={member.email} class="members__item">
                <span class="members__who">
                  <strong>{name}</strong>
                  {me && <span class="muted"> {t.members.you}</span>}
                  <span class="muted members__org">
                    {[member.organisation, member.region === null ? "" : common.register.regions[member.region]].filter((s) => s !== "").join(" · ")}
                  </span>
                </span>
                {owner ? (
                  <label class="members__role">
                    <span class="visually-hidden">{m.roleOf(name)}</span>
                    <select value={member.role} onChange={(e) => void act(() => changeMemberRole(slug, member.email, (e.currentTarget as HTMLSelectElement).value as ProjectRole))}>
                      {PROJECT_ROLE_VALUES.map((role) => (
                        <option key={role} value={role}>
                          {t.members.roles[role]}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <span class={`role role--${member.role}`}>{t.members.roles[member.role]}</span>
                )}
                <span class="muted members__since">{t.members.since(day.format(new Date(member.since)))}</span>
                {me ? (
                  <button type="button" class="button button--quiet" onClick={() => void act(() => removeMember(slug, member.email), () => navigate({ name: "home" }))}>
                    {m.leave}
                  </button>
                ) : (
                  owner && (
                    <button type="button" class="button button--quiet" aria-label={m.remove(name)} onClick={() => void act(() => removeMember(slug, member.email))}>
                      {m.removeShort}
                    </button>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
      {owner && team !== null && team.invitations.length > 0 && (
        <>
          <h4>{m.pending}</h4>
          <ul class="members__list">
            {team.invitations.map((invitation) => (
              <li key={invitation.id} class="members__item">
                <span class="members__who">{invitation.email}</span>
                <span class={`role role--${invitation.role}`}>{t.members.roles[invitation.role]}</span>
                <span class="muted">{m.expires(day.format(new Date(invitation.expiresAt)))}</span>
                <button type="button" class="button button--quiet" aria-label={m.revoke(invitation.email)} onClick={() => void act(() => revokeInvitation(slug, invitation.id))}>
                  {m.revokeShort}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {owner && <InviteForm project={project} onInvited={() => setReload((n) => n + 1)} />}
    </section>
  );
}

function InviteForm({ project, onInvited }: { readonly project: JointProject; readonly onInvited: () => void }) {
  const t = useMessages(projectMessages);
  const common = useT();
  const m = useMessages(manageMessages).team;
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("editor");
  const [error, setError] = useState<string | undefined>(undefined);
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<InvitationLink | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const address = email.trim();
    if (!isEmail(address)) {
      setError(address === "" ? common.form.fieldRequired : common.form.emailInvalid);
      document.getElementById("invite-email")?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    setGeneral([]);
    const result = await invite(project.meta.slug, address, role);
    setBusy(false);
    if (!result.ok) {
      const shown = formErrors(result.problem, ["email"] as const);
      setError(shown.fields.email);
      setGeneral(shown.general.length === 0 && shown.fields.email === undefined ? [problemMessage(result.problem)] : shown.general);
      return;
    }
    setSent(result.value);
    setEmail("");
    onInvited();
  };

  return (
    <section class="invite" aria-labelledby="invite-title">
      <h4 id="invite-title">{m.inviteTitle}</h4>
      <p class="muted">{m.inviteIntro}</p>
      {sent !== null && (
        <div class="note note--success">
          <p role="status">{m.invited(sent.email)}</p>
          <ShareLink id="invite-share" link={sent.link} title={m.shareTitle(project.charter.title)} />
        </div>
      )}
      <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert messages={general} />
        <div class="form__row">
          <Field id="invite-email" label={m.email} error={error} required>
            {(control) => <input {...control} type="email" autocomplete="off" value={email} onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />}
          </Field>
          <Field id="invite-role" label={m.role} required>
            {(control) => (
              <select {...control} value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as ProjectRole)}>
                {PROJECT_ROLE_VALUES.map((r) => (
                  <option key={r} value={r}>
                    {t.members.roles[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? m.inviting : m.invite}
        </button>
      </form>
    </section>
  );
}
