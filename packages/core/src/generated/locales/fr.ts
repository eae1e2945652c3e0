
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'case-alert.default-heading': `Action urgente`,
'checklist.default-heading': `Les étapes à suivre`,
'core.config-error.title': `Ce module n’a pas pu s’afficher.`,
'countdown.default-heading': `Compte à rebours`,
'countdown.error.date': str`La date « ${0} » n’a pas pu être lue. Utilisez une date ISO comme 2029-05-01.`,
'countdown.scheduled-for': str`Prévu le ${0}`,
'pledge.default-heading': `Prenez l’engagement`,
    };
  