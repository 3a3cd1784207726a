import { isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { SystemSetting } from './system-setting.entity.js';

defineTableApi(SystemSetting, {
  read: isAuthenticated,
  naturalKeys: [{ field: 'systemSettingByKey', keys: ['settingKey'] }],
});
