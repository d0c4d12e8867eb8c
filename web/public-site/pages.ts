import { REPORT_PATH, REPORTS_PATH } from '../features/cases/paths.ts';
import { HELP_PATH } from '../features/help-requests/paths.ts';
import { ASK_PATH, FAQ_PATH, QUESTIONS_PATH } from '../features/questions/paths.ts';
import { DIRECTORY_PATH, MANAGE_PATH, NEW_TEAM_PATH } from '../features/teams/paths.ts';

/**
 * The public document's pages (no JSX, so vite.config.ts can read it): each address, the file the build prerenders
 * for it under dist/web, and for a page with a parameter the address it is prerendered at (its frame: header,
 * footer, the page's skeleton) and the data the server renders it with per request. The build writes this list to
 * dist/web/pages/pages.json, and the server sends these addresses that file (server/platform/http/web-app.ts),
 * so the two never disagree. web/public-site/routes.tsx routes the same paths.
 */
export interface PublicPage {
  path: string;
  file: string;
  /** The page component's module: its chunk's CSS and JS are linked from the prerendered page. */
  module: string;
  prerenderAt?: string;
  /**
   * Rendered per request with this data from the server (web/public-site/page-data.ts), so its content is in the
   * HTML; the prerendered frame is the fallback (no such team, or no server renderer).
   */
  data?: string;
}

export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/', file: 'pages/home.html', module: 'web/features/home/HomePage.tsx' },
  { path: DIRECTORY_PATH, file: 'pages/teams.html', module: 'web/features/teams/DirectoryPage.tsx' },
  {
    path: '/teams/:id',
    file: 'pages/team.html',
    module: 'web/features/teams/TeamPage.tsx',
    prerenderAt: '/teams/_',
    data: 'team',
  },
  { path: '/privacy', file: 'pages/privacy.html', module: 'web/features/privacy/PrivacyPage.tsx' },
  {
    path: '/privacy/requests',
    file: 'pages/privacy-requests.html',
    module: 'web/features/privacy-requests/RequestPage.tsx',
  },
  {
    path: '/privacy/requests/status',
    file: 'pages/privacy-request-status.html',
    module: 'web/features/privacy-requests/RequestStatusPage.tsx',
  },
  { path: REPORT_PATH, file: 'pages/report.html', module: 'web/features/cases/ReportPage.tsx' },
  { path: REPORTS_PATH, file: 'pages/reports.html', module: 'web/features/cases/ListPage.tsx' },
  {
    path: '/reports/:code',
    file: 'pages/report-track.html',
    module: 'web/features/cases/TrackPage.tsx',
    prerenderAt: '/reports/_',
  },
  { path: HELP_PATH, file: 'pages/help.html', module: 'web/features/help-requests/HelpRequestPage.tsx' },
  {
    path: '/help/:code',
    file: 'pages/help-track.html',
    module: 'web/features/help-requests/HelpTrackPage.tsx',
    prerenderAt: '/help/_',
  },
  // The Q&A (issue 11): /questions/ask comes before /questions/:id, which the server matches in this order.
  { path: QUESTIONS_PATH, file: 'pages/questions.html', module: 'web/features/questions/QuestionsPage.tsx' },
  { path: ASK_PATH, file: 'pages/question-ask.html', module: 'web/features/questions/AskPage.tsx' },
  {
    path: '/questions/:id',
    file: 'pages/question.html',
    module: 'web/features/questions/QuestionPage.tsx',
    prerenderAt: '/questions/_',
    data: 'question',
  },
  { path: FAQ_PATH, file: 'pages/faq.html', module: 'web/features/questions/FaqPage.tsx', data: 'faq' },
];

/** Staff addresses that a public pattern would otherwise match (/teams/:id): they stay with the staff app. */
export const STAFF_PATHS_UNDER_PUBLIC = [MANAGE_PATH, NEW_TEAM_PATH];

/** What the build writes next to the pages for the server. */
export const PAGES_MANIFEST = 'pages/pages.json';

export interface PagesManifest {
  /** `scripts`: what the page loads before it is interactive (its entry, the app, the page's chunk), for the budget. */
  pages: { path: string; file: string; scripts: string[]; data?: string }[];
  staff: string[];
  /**
   * The server renderer (web/public-site/render.tsx built for Node), relative to the web root (dist/web): it
   * exports renderPublicPage(pathname, data) → the root element's HTML.
   */
  render?: string;
}

/** Ends the root element in a prerendered page, so the server can put a page rendered with data in its place. */
export const ROOT_END_MARK = '<!--/root-->';
