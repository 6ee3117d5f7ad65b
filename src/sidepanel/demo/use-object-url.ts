import { useEffect, useMemo } from 'preact/hooks';

/**
 * A `blob:` URL for showing a stored image, made while rendering — so the `<img>` has its source
 * in the first paint, not one frame later — and revoked when the image changes or the component
 * goes away.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}
