/**
 * Saving and copying exports without the `downloads` or `clipboardWrite` permissions: a Blob link
 * with `download`, and the async clipboard API inside the click that asked for it.
 */

/** Saves text as a file through the browser's download flow; returns what to tell the reviewer. */
export function saveFile(file: { text: string; filename: string; mime: string }): string {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now in both browsers; keep the URL a while for slow disks anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Saved as ${file.filename} (see the browser's downloads).`;
}

/** Copies text to the clipboard; returns `done` or a sentence saying why it could not. */
export async function copyText(text: string, done: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return done;
  } catch (error) {
    return `Could not copy to the clipboard (${error instanceof Error ? error.message : String(error)}). Use “Save file” instead.`;
  }
}
