import type { Plugin } from "vite";

export function shellFiles(bundleFiles: readonly string[]): string[];
export function workerSource(template: string, files: readonly string[]): string;
export function precachePlugin(): Plugin;
