// Sign-in (DigiD, eHerkenning, staff's provider) and the development stand-in, in Dutch: the reference language. ICU MessageFormat.
export default {
  title: 'Inloggen',
};
