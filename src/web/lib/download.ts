import { rawApiFetch } from '../api/client';

/**
 * Downloads a file the API answers (CSV, XLSX) under the name the server gives in Content-Disposition:
 * a temporary object URL and a click on a download link, so the file never leaves the machine.
 */
export async function downloadFromApi(path: string, fallbackName: string): Promise<void> {
  const response = await rawApiFetch(path);
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Japanese name (filename*, UTF-8) when there is one, else the ASCII fallback. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
