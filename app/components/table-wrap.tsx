import type { CSSProperties, ReactNode } from "react";

/**
 * The box every table sits in. When the table is wider than the page (on a phone, or a wide worksheet) it
 * scrolls sideways inside this box, never the page; the box is a named region that takes keyboard focus, so
 * it can be scrolled with the arrow keys and a screen reader announces what it holds (WCAG 2.1.1; axe
 * "scrollable-region-focusable"). Name it after the table ("Parcels", "Payments").
 */
export function TableWrap({
  label,
  labelledBy,
  className,
  style,
  children,
}: {
  children: ReactNode;
  className?: string;
  style?: CSSProperties;
} & ({ label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined })) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} style={style} tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
