# The offboarding plan (handover) and the note left on each handed-over card.
offboarding-reason-priority = priority stakeholder of { $goals }
offboarding-reason-accountable = accountable for it in a team
offboarding-reason-looked-after = looked after by { $teams }
offboarding-reason-nobody-else = nobody else knows this stakeholder
offboarding-reason-weakly-known = colleagues know them only weakly
offboarding-reason-going-cold = going cold
offboarding-candidate-knows = knows { $stakeholder } (strength { $strength })
offboarding-candidate-team-looks-after = in { $team }, which looks after it
offboarding-candidate-team-mate = team mate in { $team }
offboarding-note = Handed over from { $leaver } to { $successor } on { $date } (offboarding).
