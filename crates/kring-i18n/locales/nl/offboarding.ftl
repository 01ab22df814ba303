# Het uitstroomplan (overdracht) en de notitie op elke overgedragen kaart.
offboarding-reason-priority = prioritaire stakeholder van { $goals }
offboarding-reason-accountable = verantwoordelijk ervoor in een team
offboarding-reason-looked-after = opgevolgd door { $teams }
offboarding-reason-nobody-else = niemand anders kent deze stakeholder
offboarding-reason-weakly-known = collega's kennen hem of haar maar zwak
offboarding-reason-going-cold = bekoelend
offboarding-candidate-knows = kent { $stakeholder } (sterkte { $strength })
offboarding-candidate-team-looks-after = lid van { $team }, dat deze stakeholder opvolgt
offboarding-candidate-team-mate = teamgenoot in { $team }
offboarding-note = Overgedragen van { $leaver } aan { $successor } op { $date } (uitstroom).
