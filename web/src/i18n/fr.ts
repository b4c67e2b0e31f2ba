// French UI strings. Every text shown on screen comes from here.

import type { ProjectStatus, Region } from "../types";

const plural = (n: number, one: string, many: string): string => (n > 1 ? many : one);

export const fr = {
  app: {
    title: "Kaolack ⇄ Oriental",
    tagline: "Coopératives, diaspora et projets communs entre Kaolack (Sénégal) et l’Oriental (Maroc)",
    footer: "Plateforme de coopération Kaolack ⇄ Oriental",
    apiReference: "Référence de l’API",
    dashboard: "Tableau de bord du cluster",
  },
  connection: {
    connecting: "connexion…",
    online: "en ligne",
    reconnecting: "reconnexion…",
    offline: "hors ligne",
    onlineHint: "Les listes se mettent à jour en direct.",
    reconnectingHint: "Connexion perdue, nouvelle tentative en cours.",
    offlineHint: "Le serveur est injoignable. Les listes affichées peuvent être anciennes.",
    connectingHint: "Connexion au flux en direct…",
  },
  filters: {
    searchLabel: "Rechercher",
    searchPlaceholder: "Nom, commune, filière…",
    regionLabel: "Région",
    allRegions: "Toutes",
    clear: "Effacer",
  },
  sections: {
    cooperatives: {
      title: "Coopératives",
      empty: "Aucune coopérative pour le moment.",
      count: (n: number) => `${n} ${plural(n, "coopérative", "coopératives")}`,
    },
    "diaspora-groups": {
      title: "Groupes de la diaspora",
      empty: "Aucun groupe de la diaspora pour le moment.",
      count: (n: number) => `${n} ${plural(n, "groupe", "groupes")}`,
    },
    projects: {
      title: "Projets communs",
      empty: "Aucun projet commun pour le moment.",
      count: (n: number) => `${n} ${plural(n, "projet", "projets")}`,
    },
  },
  list: {
    loading: "Chargement…",
    loadError: "Impossible de charger la liste.",
    retry: "Réessayer",
    noMatch: "Aucun résultat pour ces filtres.",
    filteredCount: (shown: number, total: number) => `${shown} sur ${total}`,
  },
  entry: {
    place: "Lieu",
    valueChains: "Filières",
    regions: "Régions",
    status: "Statut",
    updated: (relative: string) => `Mis à jour ${relative}`,
    justNow: "à l’instant",
    changedLive: "Modifié à l’instant",
  },
  regions: {
    kaolack: "Kaolack",
    oriental: "Oriental",
  } satisfies Record<Region, string>,
  status: {
    proposed: "Proposé",
    active: "En cours",
    "at-risk": "À risque",
    completed: "Terminé",
    cancelled: "Annulé",
  } satisfies Record<ProjectStatus, string>,
  /** Labels of known value chains (slugs from the API); others are shown prettified. */
  valueChains: {
    arachide: "Arachide",
    mil: "Mil",
    mais: "Maïs",
    sel: "Sel",
    anacarde: "Anacarde",
    sesame: "Sésame",
    niebe: "Niébé",
    bissap: "Bissap",
    mangue: "Mangue",
    horticulture: "Horticulture",
    maraichage: "Maraîchage",
    elevage: "Élevage",
    aviculture: "Aviculture",
    apiculture: "Apiculture",
    peche: "Pêche",
    textile: "Textile",
    artisanat: "Artisanat",
    transformation: "Transformation",
    argan: "Argan",
    olive: "Olive",
    olivier: "Olivier",
    amande: "Amande",
    safran: "Safran",
    dattes: "Dattes",
    "plantes-aromatiques": "Plantes aromatiques",
    "plantes-medicinales": "Plantes médicinales",
    cactus: "Cactus",
    miel: "Miel",
    lait: "Lait",
    tourisme: "Tourisme solidaire",
    "energie-solaire": "Énergie solaire",
    eau: "Eau",
    formation: "Formation",
    numerique: "Numérique",
    commerce: "Commerce",
  } as Readonly<Record<string, string>>,
} as const;

export type Strings = typeof fr;

/** Label for a value-chain slug: known label, else "some-slug" → "Some slug". */
export function valueChainLabel(slug: string): string {
  const known = fr.valueChains[slug];
  if (known !== undefined) return known;
  const text = slug.replace(/[-_]+/g, " ").trim();
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}
