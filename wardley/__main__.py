from wardley.cli import main

raise SystemExit(main())
