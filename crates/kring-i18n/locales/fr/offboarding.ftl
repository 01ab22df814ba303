# Le plan de départ (passation) et la note laissée sur chaque fiche transmise.
offboarding-reason-priority = partie prenante prioritaire de { $goals }
offboarding-reason-accountable = en est responsable dans une équipe
offboarding-reason-looked-after = suivie par { $teams }
offboarding-reason-nobody-else = personne d'autre ne connaît cette partie prenante
offboarding-reason-weakly-known = les collègues ne la connaissent que faiblement
offboarding-reason-going-cold = qui se refroidit
offboarding-candidate-knows = connaît { $stakeholder } (intensité { $strength })
offboarding-candidate-team-looks-after = membre de { $team }, qui en assure le suivi
offboarding-candidate-team-mate = coéquipier dans { $team }
offboarding-note = Transmis de { $leaver } à { $successor } le { $date } (départ).
