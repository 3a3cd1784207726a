import { IsIn } from 'class-validator';

import { canEdit } from '../../auth/rules.js';
import { badUserInput } from '../../common/errors.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import { SystemSetting } from './system-setting.entity.js';

/** How `settingValue` is read, by `settingType`. */
export const SETTING_TYPES = ['string', 'number', 'boolean', 'json'] as const;

function valueFits(type: string, value: string): boolean {
  switch (type) {
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'json':
      try {
        JSON.parse(value);
        return true;
      } catch {
        return false;
      }
    default:
      return true;
  }
}

const systemSettingMutations = tableMutations(SystemSetting, {
  rule: canEdit,
  editable: ['settingKey', 'settingValue', 'settingType', 'description'],
  validators: { settingType: [IsIn(SETTING_TYPES)] },
  descriptions: {
    settingType: `How settingValue is read: one of ${SETTING_TYPES.join(', ')}.`,
    settingValue: 'Text that must read as settingType (a number, true/false, JSON).',
  },
  // The value must read as its type, whichever of the two the input changes.
  extraValidation: (check) => {
    const current = check.mode === 'update' ? check.row : null;
    const type = (check.input.settingType as string | undefined) ?? current?.settingType ?? 'string';
    const value = (check.input.settingValue as string | undefined) ?? current?.settingValue ?? '';
    if (!valueFits(type, value)) {
      throw badUserInput(`settingValue is not a valid ${type}`, 'settingValue');
    }
  },
});

export const settingsMutations: readonly MutationDefinition[] = [systemSettingMutations];
