// The positive sign that the app has shown its view: `<html data-app="live">`, set by
// js/handover.js once the app's main content has its heading, nothing still loading and
// every chart drawn (and, on a built page, once the app has replaced the built view).
import { expect, type Page } from '@playwright/test';

export async function appReady(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'live', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
