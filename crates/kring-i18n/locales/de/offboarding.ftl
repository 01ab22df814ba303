# Der Austrittsplan (Übergabe) und die Notiz auf jeder übergebenen Karte.
offboarding-reason-priority = vorrangiger Stakeholder von { $goals }
offboarding-reason-accountable = in einem Team dafür verantwortlich
offboarding-reason-looked-after = betreut von { $teams }
offboarding-reason-nobody-else = niemand sonst kennt diesen Stakeholder
offboarding-reason-weakly-known = Kollegen kennen ihn nur schwach
offboarding-reason-going-cold = abkühlend
offboarding-candidate-knows = kennt { $stakeholder } (Stärke { $strength })
offboarding-candidate-team-looks-after = in { $team }, das ihn betreut
offboarding-candidate-team-mate = Teamkollege in { $team }
offboarding-note = Übergeben von { $leaver } an { $successor } am { $date } (Austritt).
