import { isAdmin, isAuthenticated } from '../../auth/rules.js';
import { defineTableApi } from '../../common/table-api/table-api.js';
import { UserPermission } from './user-permission.entity.js';
import { UserSession } from './user-session.entity.js';
import { User } from './user.entity.js';

// Everyone sees who their colleagues are (assignees, reviewers); sessions and permissions are admin business.
defineTableApi(User, { read: isAuthenticated });
defineTableApi(UserSession, { read: isAdmin });
defineTableApi(UserPermission, { read: isAdmin });
