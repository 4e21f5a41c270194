from hotel_desk.cli import main

raise SystemExit(main())
