import { isAuthenticated } from '../../auth/rules.js';
import type { GatewayModule } from '../../common/gateway-module.js';
import { settingsMutations } from './settings.mutations.js';
import { SystemSetting } from './system-setting.entity.js';

export const settingsModule: GatewayModule = {
  name: 'settings',
  tables: [
    {
      entity: SystemSetting,
      read: isAuthenticated,
      naturalKeys: [{ field: 'systemSettingByKey', keys: ['settingKey'] }],
    },
  ],
  mutations: settingsMutations,
};
