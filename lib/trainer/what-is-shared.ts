/** What an accepted link lets the trainer do — the invitation page shows exactly this list. */
export const TRAINER_SEES = [
  "Your training log: every workout, exercise, set (weight, reps, RPE) and workout note",
  "Your personal records and charts of your lifts",
  "Your body metrics (bodyweight, sleep, resting heart rate) as charts and in analytics",
  "Answers to questions about your training, computed from the data above",
] as const;
export const TRAINER_MAY = [
  "Assign you a programme, which then appears as your plan for the day",
  "Message you and comment on your workouts",
  "Propose changes to your coach's methodology and safety rules — applied only if you confirm",
] as const;
export const TRAINER_NEVER = [
  "Change or delete your workouts",
  "Read your chats with your coach, your coaches, your account or billing details",
] as const;
