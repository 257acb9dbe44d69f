import type { ReactNode } from 'react';
import { FormField, SelectInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { planYearLabel } from './plan-format';

/** A select of the plan's fiscal years, labelled 「2025（令和7）年度」. */
export function PlanYearSelect({
  name,
  label,
  years,
  value,
  onChange,
  support,
}: {
  name: string;
  label: ReactNode;
  years: number[];
  value: number;
  onChange: (year: number) => void;
  support?: ReactNode;
}) {
  const locale = currentLocale();
  return (
    <FormField name={name} label={label} support={support}>
      {(control) => (
        <SelectInput {...control} value={String(value)} onChange={(event) => onChange(Number(event.target.value))} className="max-w-xs">
          {years.map((year) => (
            <option key={year} value={year}>
              {planYearLabel(year, locale)}
            </option>
          ))}
        </SelectInput>
      )}
    </FormField>
  );
}

