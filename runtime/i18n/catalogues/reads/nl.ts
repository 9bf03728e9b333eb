// Who looked at your data (the read log), in Dutch: the reference language. ICU MessageFormat.
export default {
  title: 'Wie heeft uw gegevens bekeken',
};
