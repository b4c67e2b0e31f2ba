// REST client for the directory endpoints.

import { reportUnauthorized } from "./auth/session";
import type { DirectoryName, DirectoryPage } from "./types";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`HTTP ${status} for ${url}`);
    this.name = "HttpError";
  }
}

export interface DirectoryQuery {
  readonly q?: string;
  readonly region?: string;
  readonly valueChain?: string;
  readonly legalForm?: string;
  readonly organisationKind?: string;
  readonly status?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export function directoryUrl(name: DirectoryName, query: DirectoryQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/${name}${qs ? `?${qs}` : ""}`;
}

export async function fetchDirectory(
  name: DirectoryName,
  query: DirectoryQuery = {},
  signal?: AbortSignal,
): Promise<DirectoryPage> {
  const url = directoryUrl(name, { page: 1, pageSize: 50, ...query });
  const init: RequestInit = { headers: { Accept: "application/json" } };
  if (signal) init.signal = signal;
  const response = await fetch(url, init);
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    throw new HttpError(response.status, url);
  }
  const body = (await response.json()) as Partial<DirectoryPage>;
  return {
    items: Array.isArray(body.items) ? body.items : [],
    page: body.page ?? 1,
    pageSize: body.pageSize ?? 50,
    total: body.total ?? 0,
  };
}
