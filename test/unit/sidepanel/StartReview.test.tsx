// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { StartReview } from '../../../src/sidepanel/StartReview.tsx';
import { database } from '../../../src/store/db.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const page = {
  title: 'Kestrel Meridian AI — Trust Center',
  url: 'https://trust.kestrel.example/',
  textLength: 100,
};

test('the form is pre-filled from the page: vendor name and registrable domain', () => {
  render(<StartReview page={page} onCreated={() => {}} />);
  expect((screen.getByLabelText('Vendor') as HTMLInputElement).value).toBe('Kestrel Meridian AI');
  expect((screen.getByLabelText(/^Domain/) as HTMLInputElement).value).toBe('kestrel.example');
});

test('a full disk shows a message and keeps everything typed on screen', async () => {
  vi.spyOn(database().reviews, 'add').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
  const created = vi.fn();
  render(<StartReview page={page} onCreated={created} />);
  fireEvent.input(screen.getByLabelText('Vendor'), { target: { value: 'Kestrel (typed by hand)' } });
  fireEvent.input(screen.getByLabelText(/^Product/), { target: { value: 'Kestrel Agents' } });
  fireEvent.click(screen.getByRole('button', { name: 'Start review' }));
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toContain('storage for this extension is full'),
  );
  expect((screen.getByLabelText('Vendor') as HTMLInputElement).value).toBe('Kestrel (typed by hand)');
  expect((screen.getByLabelText(/^Product/) as HTMLInputElement).value).toBe('Kestrel Agents');
  expect(created).not.toHaveBeenCalled();
});

test('a domain that is not one is refused before anything is saved', async () => {
  const add = vi.spyOn(database().reviews, 'add');
  render(<StartReview page={page} onCreated={() => {}} />);
  fireEvent.input(screen.getByLabelText(/^Domain/), { target: { value: 'not a domain' } });
  fireEvent.click(screen.getByRole('button', { name: 'Start review' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('is not a domain name'));
  expect(add).not.toHaveBeenCalled();
});

test('a valid form creates the review and its first source', async () => {
  const created = vi.fn();
  render(<StartReview page={page} onCreated={created} />);
  fireEvent.click(screen.getByRole('button', { name: 'Start review' }));
  await waitFor(() => expect(created).toHaveBeenCalledOnce());
  const review = created.mock.calls[0]?.[0];
  expect(review.domains).toEqual(['kestrel.example']);
  expect(await database().sources.where('reviewId').equals(review.id).count()).toBe(1);
});
