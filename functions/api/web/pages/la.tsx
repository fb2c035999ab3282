import { Pages } from '../kit.tsx';
import { childPage } from './la-child.tsx';
import { childrenPage } from './la-children.tsx';
import { dashboardPage } from './la-dashboard.tsx';

/**
 * The LA roles' pages: the dashboard (metrics 1–9 beside the region and England, their trend, each figure linked
 * to the children behind it), the children list and a child's timeline.
 */
export const laPages = new Pages()
  .get('/dashboard', 'dashboard.la.read', dashboardPage)
  .get('/children', 'children.read', childrenPage)
  .get('/children/:child', 'children.read', childPage);
