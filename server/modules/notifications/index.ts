/**
 * Notifications: the public surface other modules use. Call notifyUsers inside the transaction of the change
 * that causes the notification; the composition root wires the routes and the delivery jobs.
 */
export { notifyUsers, type NotifyInput, type LocalizedText } from './notifications.service';
export { createNotificationsRepository } from './notifications.repository';
export { createNotificationsService } from './notifications.service';
export { registerNotificationRoutes } from './notifications.routes';
export { createNotificationJobs, signWebhookBody, type WebhookFetch } from './notifications.jobs';
