c     VOACAP's MAGVAR at a few points: modip and gyrofrequency for MagneticFieldTest.
      program magnetic
      common /CON /D2R, DCL, GAMA, PI, PI2, PIO2, R2D, RZ, VOFL
      COMMON /GEOG /GYZ (5), RAT (5), GMDIP (5), CLCK (5), ABIY (5), ART
     1IC (5), SIGPAT (5), EPSPAT (5)
      dimension xl(5), yl(5)
      data xl/.691011, 0.6627, -1.0, 1.4, 0.1/
      data yl/-1.70495, 2.2, 2.4, 0.5, -0.8/
      D2R=.01745329251
      do i=1,5
      call magvar(xl(i), yl(i), 1, clg)
      write(*,'(4f14.8)') xl(i), yl(i), gmdip(1), gyz(1)
      end do
      end
