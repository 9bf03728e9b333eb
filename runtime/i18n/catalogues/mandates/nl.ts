// Mandates (machtigingen): granting, choosing for whom, acting for someone, in Dutch: the reference language. ICU MessageFormat.
export default {
  title: 'Machtigingen',
};
