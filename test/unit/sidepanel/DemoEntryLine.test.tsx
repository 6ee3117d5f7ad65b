// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { DemoEntryLine, entryDraftKey } from '../../../src/sidepanel/demo/DemoEntryLine.tsx';
import { database } from '../../../src/store/db.ts';
import { startDemo } from '../../../src/store/demo.ts';
import { createReview } from '../../../src/store/reviews.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
});

async function running() {
  const db = database();
  const review = await createReview(db, { vendor: 'Acme', domains: [`acme-${crypto.randomUUID()}.example`] });
  const session = await startDemo(db, 'Ada', { reviewId: review.id, title: 'Acme demo' });
  return { db, review, session };
}

const field = () => screen.getByLabelText(/What the vendor says or shows/) as HTMLInputElement;

test('hotkeys set the mode; Enter logs the entry with it and clears the line and its draft', async () => {
  const { db, session } = await running();
  render(<DemoEntryLine session={session} actor="Ada" />);
  fireEvent.keyDown(field(), { code: 'KeyM', altKey: true });
  fireEvent.keyDown(field(), { code: 'Digit4', altKey: true });
  expect(screen.getByText(/^Mode:/).textContent).toBe('Mode: Marketing · said · Revocation');
  fireEvent.input(field(), { target: { value: 'Revocation is instant' } });
  expect(localStorage.getItem(entryDraftKey(session.id))).toBe('Revocation is instant');
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(field().value).toBe(''));
  const [claim] = await db.claims.where('reviewId').equals(session.reviewId).toArray();
  expect(claim?.demo).toMatchObject({ kind: 'marketing', basis: 'said', control: 'revocation' });
  expect(localStorage.getItem(entryDraftKey(session.id))).toBeNull();
  expect(screen.getByRole('status').textContent).toMatch(/^Logged at \+0:00:\d\d: Marketing\.$/);
});

test('a line the parser refuses stays in the field with the reason; nothing is written', async () => {
  const { db, session } = await running();
  render(<DemoEntryLine session={session} actor="Ada" />);
  fireEvent.input(field(), { target: { value: '#nope they said things' } });
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Unknown control #nope/));
  expect(field().value).toBe('#nope they said things');
  expect(await db.claims.where('reviewId').equals(session.reviewId).count()).toBe(0);
});

test('a red flag without a named flag uses the one its words show, or asks which', async () => {
  const { db, session } = await running();
  render(<DemoEntryLine session={session} actor="Ada" />);
  fireEvent.input(field(), { target: { value: '! we think it is fine' } });
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Which red flag/));
  fireEvent.input(field(), { target: { value: '! to revoke access you contact support' } });
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(field().value).toBe(''));
  const flags = await db.redFlags.where('reviewId').equals(session.reviewId).toArray();
  expect(flags.map((f) => f.flag)).toEqual(['manual-revocation']);
});

test('a line typed before the panel closed is back when the line is shown again', async () => {
  const { session } = await running();
  const first = render(<DemoEntryLine session={session} actor="Ada" />);
  fireEvent.input(field(), { target: { value: '+ #jit tokens are minted per ta' } });
  first.unmount();
  render(<DemoEntryLine session={session} actor="Ada" />);
  expect(field().value).toBe('+ #jit tokens are minted per ta');
});

test('a failed write keeps the line and says why in plain words', async () => {
  const { db, session } = await running();
  vi.spyOn(db.claims, 'add').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
  render(<DemoEntryLine session={session} actor="Ada" />);
  fireEvent.input(field(), { target: { value: '+ #aud shows the log export' } });
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter' });
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toMatch(/storage for this extension is full/),
  );
  expect(field().value).toBe('+ #aud shows the log export');
  expect(localStorage.getItem(entryDraftKey(session.id))).toBe('+ #aud shows the log export');
});
