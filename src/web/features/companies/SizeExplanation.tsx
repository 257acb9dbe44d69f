import { useTranslation } from 'react-i18next';
import { SME_LIMITS, assessCompanySize } from '../../../shared/domain/company-size';
import type { Company } from './companies.api';

/**
 * Why the register shows this 規模区分: the 中小企業基本法 sector of the industry and its limits
 * (capital OR employees for 中小企業者; employees for 小規模企業者), from the same rules the server uses.
 */
export function SizeExplanation({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  let sector: ReturnType<typeof assessCompanySize>['sector'];
  try {
    sector = assessCompanySize({
      jsicMajor: company.jsicMajor?.code ?? null,
      jsicMiddle: company.jsicMiddle?.code ?? null,
      employees: company.employees,
      capitalYen: company.capitalYen,
      soleProprietor: company.entityType === 'sole_proprietor',
    }).sector;
  } catch {
    sector = null;
  }
  const yen = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP', { notation: i18n.language === 'en' ? 'standard' : 'compact' });
  return (
    <div className="mt-2 text-std-16N-170 text-solid-gray-700">
      {sector ? (
        <p>
          {t('sizeExplanation.rule', {
            sector: t(`enums.sizeSector.${sector}`),
            capital: yen.format(SME_LIMITS[sector].capitalYen),
            employees: SME_LIMITS[sector].employees,
            small: company.jsicMiddle?.code === '75' || company.jsicMiddle?.code === '80' ? 20 : SME_LIMITS[sector].smallEmployees,
          })}
        </p>
      ) : (
        <p>{t('sizeExplanation.noSector')}</p>
      )}
      {company.sizeClass === 'unknown' ? <p>{t('sizeExplanation.unknown')}</p> : null}
    </div>
  );
}
