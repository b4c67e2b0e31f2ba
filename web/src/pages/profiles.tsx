// The profile pages of a cooperative, a diaspora group and another organisation (one download for all).

import type { ComponentChildren } from "preact";
import { PartnerSuggestions } from "../components/PartnerSuggestions";
import { valueChainLabel, type Messages } from "../i18n";
import { currentLanguage } from "../i18n/language";
import { COOPERATIVE_FIELDS, DIASPORA_GROUP_FIELDS, ORGANISATION_FIELDS } from "../profile/profileForm";
import { projectHref } from "../router";
import type { Contact, CooperativeProfile, DiasporaGroupProfile, Money, OrganisationProfile, Region } from "../types";
import { OrganisationProfilePage } from "./OrganisationProfile";

function Fact({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Chips({ label, items, t }: { readonly label: string; readonly items: readonly string[]; readonly t: Messages }) {
  return (
    <section class="profile__part">
      <h3>{label}</h3>
      {items.length === 0 ? (
        <p class="muted">{t.profile.none}</p>
      ) : (
        <ul class="chips">
          {items.map((item) => (
            <li key={item} class="chip">
              {item}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RegionBadge({ region, t }: { readonly region: Region; readonly t: Messages }) {
  return <span class={`region region--${region}`}>{t.regions[region]}</span>;
}

/** `withheld`: the server keeps an organisation's contact from read-only readers (it sends it empty). */
function ContactPart({ contact, t, withheld = false }: { readonly contact: Contact; readonly t: Messages; readonly withheld?: boolean }) {
  const parts = [contact.person, contact.email, contact.phone].filter((p): p is string => typeof p === "string" && p !== "");
  return (
    <section class="profile__part">
      <h3>{t.profile.contact}</h3>
      {parts.length === 0 ? (
        <p class="muted">{withheld ? t.profile.contactHidden : t.profile.none}</p>
      ) : (
        <dl class="facts">
          {contact.person && <Fact label={t.profile.contactPerson}>{contact.person}</Fact>}
          {contact.email && (
            <Fact label={t.profile.contactEmail}>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </Fact>
          )}
          {contact.phone && (
            <Fact label={t.profile.contactPhone}>
              <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a>
            </Fact>
          )}
        </dl>
      )}
    </section>
  );
}

const money = (value: Money): string =>
  new Intl.NumberFormat(currentLanguage(), { style: "currency", currency: value.currency, maximumFractionDigits: 0 }).format(value.amount);

function Description({ text, t }: { readonly text: string; readonly t: Messages }) {
  return text === "" ? null : (
    <section class="profile__part">
      <h3>{t.profile.description}</h3>
      <p class="profile__description">{text}</p>
    </section>
  );
}

function cooperativeView(p: CooperativeProfile, t: Messages) {
  const languageNames = new Intl.DisplayNames([currentLanguage()], { type: "language" });
  return (
    <>
      <dl class="facts facts--grid">
        <Fact label={t.profile.region}>
          <RegionBadge region={p.region} t={t} />
        </Fact>
        <Fact label={t.profile.commune}>{p.commune}</Fact>
        <Fact label={t.profile.legalForm}>{t.legalForms[p.legalForm]}</Fact>
        <Fact label={t.profile.memberCount}>
          {t.profile.members(p.memberCount)} · {t.profile.shareOfWomen(p.womenSharePercent)} · {t.profile.shareOfYouth(p.youthSharePercent)}
        </Fact>
        {p.languages.length > 0 && (
          <Fact label={t.profile.languages}>{p.languages.map((code) => languageNames.of(code) ?? code).join(", ")}</Fact>
        )}
      </dl>
      <Description text={p.description} t={t} />
      <Chips label={t.profile.valueChains} items={p.valueChains.map((c) => valueChainLabel(c, t))} t={t} />
      <Chips label={t.profile.products} items={p.products} t={t} />
      <Chips label={t.profile.capacityNeeds} items={p.capacityNeeds} t={t} />
      <section class="profile__part">
        <h3>{t.profile.fairs}</h3>
        {p.fairParticipations.length === 0 ? (
          <p class="muted">{t.profile.none}</p>
        ) : (
          <ul class="profile__list">
            {p.fairParticipations.map((f) => (
              <li key={`${f.fair}-${f.year}-${f.role}`}>{t.profile.fairLine(t.profile.fairNames[f.fair], f.year, t.profile.fairRoles[f.role])}</li>
            ))}
          </ul>
        )}
      </section>
      <ContactPart contact={p.contact} t={t} />
    </>
  );
}

function diasporaGroupView(p: DiasporaGroupProfile, t: Messages) {
  return (
    <>
      <dl class="facts facts--grid">
        <Fact label={t.profile.originRegion}>
          <RegionBadge region={p.originRegion} t={t} />
        </Fact>
        <Fact label={t.profile.city}>{p.city}</Fact>
        <Fact label={t.profile.country}>{p.country}</Fact>
        <Fact label={t.profile.memberCount}>{t.profile.members(p.memberCount)}</Fact>
      </dl>
      <Description text={p.description} t={t} />
      <Chips label={t.profile.skills} items={p.skills} t={t} />
      <Chips label={t.profile.interestAreas} items={p.interestAreas} t={t} />
      <section class="profile__part">
        <h3>{t.profile.pledges}</h3>
        {p.pledges.length === 0 ? (
          <p class="muted">{t.profile.none}</p>
        ) : (
          <ul class="profile__list">
            {p.pledges.map((pledge, i) => (
              <li key={i}>
                <strong>{t.profile.pledgeKinds[pledge.kind]}</strong>
                {pledge.value ? ` · ${money(pledge.value)}` : ""} · {pledge.description}{" "}
                {pledge.projectSlug !== "" && (
                  <>
                    ({t.profile.pledgeFor} <a href={projectHref(pledge.projectSlug)}>{pledge.projectSlug}</a>)
                  </>
                )}{" "}
                <span class={`status ${pledge.received ? "status--completed" : "status--proposed"}`}>
                  {pledge.received ? t.profile.pledgeReceived : t.profile.pledgePromised}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ContactPart contact={p.contact} t={t} />
    </>
  );
}

function organisationView(p: OrganisationProfile, t: Messages) {
  const languageNames = new Intl.DisplayNames([currentLanguage()], { type: "language" });
  return (
    <>
      <dl class="facts facts--grid">
        <Fact label={t.profile.organisationKind}>{t.organisationKinds[p.kind]}</Fact>
        <Fact label={t.profile.region}>
          <RegionBadge region={p.region} t={t} />
        </Fact>
        <Fact label={t.profile.place}>{p.place}</Fact>
        {p.languages.length > 0 && (
          <Fact label={t.profile.languages}>{p.languages.map((code) => languageNames.of(code) ?? code).join(", ")}</Fact>
        )}
      </dl>
      <Description text={p.description} t={t} />
      <Chips label={t.profile.sectors} items={p.sectors.map((c) => valueChainLabel(c, t))} t={t} />
      <Chips label={t.profile.offers} items={p.offers} t={t} />
      <Chips label={t.profile.needs} items={p.needs} t={t} />
      <ContactPart contact={p.contact} t={t} withheld />
    </>
  );
}

export function OrganisationPage({ slug }: { readonly slug: string }) {
  return (
    <OrganisationProfilePage<OrganisationProfile>
      path="organisations"
      slug={slug}
      kindLabel={(t) => t.profile.organisation}
      fields={ORGANISATION_FIELDS}
      nameOf={(p) => p.name}
      view={organisationView}
    />
  );
}

export function CooperativePage({ slug }: { readonly slug: string }) {
  return (
    <OrganisationProfilePage<CooperativeProfile>
      path="cooperatives"
      slug={slug}
      kindLabel={(t) => t.profile.cooperative}
      fields={COOPERATIVE_FIELDS}
      nameOf={(p) => p.name}
      view={cooperativeView}
      below={<PartnerSuggestions slug={slug} />}
    />
  );
}

export function DiasporaGroupPage({ slug }: { readonly slug: string }) {
  return (
    <OrganisationProfilePage<DiasporaGroupProfile>
      path="diaspora-groups"
      slug={slug}
      kindLabel={(t) => t.profile.diasporaGroup}
      fields={DIASPORA_GROUP_FIELDS}
      nameOf={(p) => p.name}
      view={diasporaGroupView}
    />
  );
}
