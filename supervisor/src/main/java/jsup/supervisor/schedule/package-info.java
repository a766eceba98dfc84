/**
 * Scheduled restarts ({@code cron_restart}): {@link jsup.supervisor.schedule.CronSchedule} parses an
 * expression the way PM2 reads it and answers "the next run after t"; {@link
 * jsup.supervisor.schedule.CronRestarts} keeps each app's next run and asks for the restart when it comes.
 */
package jsup.supervisor.schedule;
