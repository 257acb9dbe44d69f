import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code drawn here as SVG (no image service: the otpauth secret never leaves the browser).
 * One path for all dark modules, with a quiet zone; it stays black on white in forced-colors mode.
 */
export function QrCode({ value, label, size = 224 }: { value: string; label: string; size?: number }) {
  const { path, dimension } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 4 });
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { path: d, dimension: qr.size };
  }, [value]);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${dimension} ${dimension}`} width={size} height={size} shapeRendering="crispEdges" className="forced-color-adjust-none">
      <rect width={dimension} height={dimension} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
