/** How approvals show a discount held in basis points: 2000 → "20 %", 1250 → "12.5 %" (locale digits). */
import { formatNumber } from '../../lib/i18n';

export const discountText = (basisPoints: number): string => `${formatNumber(basisPoints / 100)} %`;
